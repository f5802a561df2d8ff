#!/usr/bin/env python3
"""Generates N bannedbook-shaped article pages for the ingest benchmark.

Each page has the structure of a real bannedbook.org page (see
src/test/resources/fixtures/bannedbook-sora.html): an h2 title, the p.notice banner, div.entry
with paragraphs of varied number and length, tag links, keyword autolinks, bold headings, ad
figures, AuctionX/banner-ads blocks, a Taboola placeholder inside a comment, the related list,
the promo list, the source line and share anchor. About a third of the pages carry images saved
"Save page as"-style in a <name>_files/ folder (a few distinct images shared between pages, as on
a real site), some with a tracking pixel. Output is deterministic for a given N and seed.

usage: generate.py N OUTDIR [SEED]
"""
import os
import random
import re
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "src", "test", "resources", "fixtures", "bannedbook-sora.html")


def png(w, h, seed):
    raw = b"".join(b"\x00" + bytes(((x * 7 + y * 13 + seed) % 256) for x in range(w * 3)) for y in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    fixture = open(FIXTURE, encoding="utf-8").read()
    entry = fixture.split('<div class="entry">', 1)[1]
    paragraphs = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", entry)]
    paragraphs = [p for p in paragraphs if p.strip()]
    tags = ["Sora", "ChatGPT", "OpenAI", "无人机", "百度", "李彦宏", "视频平台", "周鸿祎", "中国", "台湾",
            "香港", "新疆", "人权", "经济", "美国", "习近平", "疫情", "科技", "芯片", "选举"]
    images = [png(rng.randint(40, 160), rng.randint(30, 120), i) for i in range(12)]
    pixel = png(1, 1, 0)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        sub = os.path.join(out, "%03d" % (i // 1000))
        os.makedirs(sub, exist_ok=True)
        name = "article-%05d" % i
        title = "%s（%d）" % (rng.choice(paragraphs)[:rng.randint(8, 24)], i)
        body = []
        page_tags = rng.sample(tags, rng.randint(0, 6))
        with_images = rng.random() < 0.33
        files = {}
        for k in range(rng.randint(5, 70)):
            text = rng.choice(paragraphs)
            if page_tags and rng.random() < 0.2:
                t = rng.choice(page_tags)
                text = text[:10] + ('<a href="https://www.bannedbook.org/bnews/tag/%s/" class="st_tag internal_tag" '
                                    'rel="tag" title="标签 %s 下的日志">%s</a>' % (t, t, t)) + text[10:]
            if rng.random() < 0.05:
                text = text[:6] + ("<span class='wp_keywordlink'><a href=\"https://www.bannedbook.org/forum11/"
                                   "topic309.html\" target=\"_blank\">科学</a></span>") + text[6:]
            if rng.random() < 0.05:
                body.append("<p><strong>%s</strong></p>" % text[:20])
            else:
                body.append("<p>%s</p>" % text)
            if k == 12:
                body.append('<figure id="shenyun-figure"> <br/><a href="https://github.com/bannedbook/fanqiang/wiki/">'
                            '<img src="https://raw.githubusercontent.com/bannedbook/fanqiang/master/v2ss/images/v2free.jpg" '
                            'width="336" alt="广告"></a><br/> <figcaption><strong onclick="window.open(\'https://zh-cn.shenyun.com/'
                            'tickets?utm_source=bannedbook.org\')">Ad：美好不容错过</strong></figcaption> </figure>')
            if with_images and rng.random() < 0.08:
                j = rng.randrange(len(images))
                files["photo%d.png" % j] = images[j]
                body.append('<figure><img src="%s_files/photo%d.png" alt="图片%d" width="600"><figcaption>图说 %d</figcaption>'
                            '</figure>' % (name, j, j, j))
            if with_images and rng.random() < 0.02:
                files["pixel.png"] = pixel
                body.append('<p><img src="%s_files/pixel.png" width="1" height="1"></p>' % name)
        related = "".join(
            "<li><a href='https://www.bannedbook.org/bnews/cnnews/2024%02d%02d/%d.html' target='_blank'><b>Sora</b>%s</a></li>"
            % (rng.randint(1, 12), rng.randint(1, 28), 2000000 + rng.randint(0, 99999), rng.choice(paragraphs)[:20])
            for _ in range(rng.randint(0, 6)))
        html = (' <!-- 面包屑导航 --> <h2>%s</h2> <p class="notice"><b>大陆网友注意：本文中的链接除翻墙软件下载外全部为禁网链接。</b></p>'
                '  <div class="entry"> %s <!--<div id="taboola-mid-1"></div>-->'
                "<ul class='op-related-articles' title='相关阅读'> %s </ul> "
                '<ul class="texttj"> <li>🔥<a href="https://www.bannedbook.org/bnews/ssgc/20230219/1850782.html">推广</a></li> </ul>'
                '<p class="src-info">来源：%s </p> <a name=\'sharetosocial\'></a> '
                '<div id="archive-pix-1" class="banner-ads"> <!-- AuctionX Display platform tag START --> '
                '<div id="27602x728x90x621x_ADSLOT1" clicktrack="%%CLICK_URL_ESC%%"></div> </div> </div><!--END ENTRY--> '
                % (title, " ".join(body), related, rng.choice(["偲睿洞察", "自由亚洲", "大纪元", "美国之音"])))
        with open(os.path.join(sub, name + ".html"), "w", encoding="utf-8") as f:
            f.write(html)
        if files:
            d = os.path.join(sub, name + "_files")
            os.makedirs(d, exist_ok=True)
            for fname, data in files.items():
                with open(os.path.join(d, fname), "wb") as f:
                    f.write(data)


if __name__ == "__main__":
    main()
