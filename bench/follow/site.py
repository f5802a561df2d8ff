"""Writes a news site of N articles (real-shaped pages: header, nav, article, aside, footer) and
a sitemap listing them, for bench/follow/run.sh."""
import os
import random
import sys

out, n, port = sys.argv[1], int(sys.argv[2]), sys.argv[3]
words = ("the government announced new rules for the press on monday while reporters in the "
         "capital said that their sources had been questioned by police about articles published "
         "last year concerning land disputes in the northern provinces").split()
urls = []
for i in range(1, n + 1):
    rnd = random.Random(i)
    path = "/news/2026/11/%02d/story-%d.html" % (1 + i % 28, i)
    urls.append(path)
    paras = "\n".join("<p>" + " ".join(rnd.choice(words) for _ in range(70)) + " (%d.%d)</p>" % (i, p)
                      for p in range(7))
    html = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report %d | Example"
            "</title><meta property=\"article:published_time\" content=\"2026-11-%02dT08:00:00Z\"></head>"
            "<body><header><nav><a href=\"/\">Home</a></nav></header><main><article><h1>Report %d on "
            "the land disputes</h1>%s</article><aside><a href=\"/\">More</a></aside></main><footer>"
            "About</footer></body></html>") % (i, 1 + i % 28, i, paras)
    os.makedirs(os.path.dirname(out + path), exist_ok=True)
    with open(out + path, "w") as f:
        f.write(html)
with open(os.path.join(out, "sitemap.xml"), "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
    for u in urls:
        f.write("<url><loc>http://127.0.0.1:%s%s</loc></url>\n" % (port, u))
    f.write("</urlset>\n")
