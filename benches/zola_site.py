#!/usr/bin/env python3
"""Turns the Hugo peer site (shared/bench/gen_hugo_site.py) into a Zola site with the
same pages and the same Markdown bodies, for benches/bench.py --zola.

Usage: python3 benches/zola_site.py HUGO_SITE ZOLA_SITE

The Hugo site keeps each language under content/<lang>/; Zola keeps the default
language's pages as `name.md` and the others' as `name.<lang>.md`. Front matter is TOML
in both (title, date, weight, description carry over). The templates write the same
page as the Hugo ones: the title, the body, the translations in a language menu, the
section's list of pages. Sitemap, feeds, search index and robots.txt are off, as they
are for Hugo.
"""
import os
import sys

CONFIG = """base_url = "http://127.0.0.1:8000/"
title = "基准站点"
default_language = "zh"
generate_sitemap = false
generate_robots_txt = false
build_search_index = false
compile_sass = false

[languages.en]
title = "Bench site"
"""

BASE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock %}</title>
</head>
<body>
<header>
<nav aria-label="language">
{%- block languages %}{% endblock %}
</nav>
</header>
<main>
{% block main %}{% endblock %}
</main>
<footer><p>{{ config.title }}</p></footer>
</body>
</html>
"""

TRANSLATIONS = """{%- if THING.translations | length > 1 %}
<ul>
{%- for t in THING.translations %}
<li><a href="{{ t.permalink | safe }}" hreflang="{{ t.lang }}" lang="{{ t.lang }}">{{ t.lang }}</a></li>
{%- endfor %}
</ul>
{%- endif %}"""

PAGE = """{% extends "base.html" %}
{% block title %}{{ page.title }} | {{ config.title }}{% endblock %}
{% block languages %}""" + TRANSLATIONS.replace("THING", "page") + """{% endblock %}
{% block main %}
<article>
<h1>{{ page.title }}</h1>
{{ page.content | safe }}
</article>
{% endblock %}
"""

SECTION = """{% extends "base.html" %}
{% block title %}{{ section.title }} | {{ config.title }}{% endblock %}
{% block languages %}""" + TRANSLATIONS.replace("THING", "section") + """{% endblock %}
{% block main %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
<ul>
{%- for p in section.pages %}
<li><a href="{{ p.permalink | safe }}">{{ p.title }}</a></li>
{%- endfor %}
</ul>
{% endblock %}
"""


def convert(hugo, zola):
    for lang in ("zh", "en"):
        src = os.path.join(hugo, "content", lang)
        for d, _, files in os.walk(src):
            rel = os.path.relpath(d, src)
            out_dir = os.path.normpath(os.path.join(zola, "content", rel))
            os.makedirs(out_dir, exist_ok=True)
            for f in files:
                stem, ext = os.path.splitext(f)
                name = f if lang == "zh" else f"{stem}.{lang}{ext}"
                text = open(os.path.join(d, f), encoding="utf-8").read()
                if stem == "_index":
                    # Sections list their pages by weight, as Hugo's lists do.
                    text = text.replace("+++\n", "+++\nsort_by = \"weight\"\n", 1)
                open(os.path.join(out_dir, name), "w", encoding="utf-8").write(text)
    os.makedirs(os.path.join(zola, "templates"), exist_ok=True)
    for name, text in (("base.html", BASE), ("page.html", PAGE), ("section.html", SECTION), ("index.html", SECTION)):
        open(os.path.join(zola, "templates", name), "w", encoding="utf-8").write(text)
    open(os.path.join(zola, "config.toml"), "w", encoding="utf-8").write(CONFIG)


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])
