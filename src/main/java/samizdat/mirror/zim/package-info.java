/**
 * The built site as one ZIM file for Kiwix (phones, desktops, {@code kiwix-serve}): our own
 * writer of the openZIM format, major version 6 with the namespace scheme libzim 7 and later
 * write ({@code C} content, {@code M} metadata, {@code W} well-known entries, {@code X} indexes),
 * zstd-compressed clusters through zstd-jni. Public surface:
 * {@link samizdat.mirror.zim.ZimExport} and its {@link samizdat.mirror.zim.ZimOptions}.
 */
package samizdat.mirror.zim;
