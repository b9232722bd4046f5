"""The importer: raw pages and scraper exports in, one Markdown article each out.

The stages run in this order over one `article.Article` record per input, each a module:
read (`read`, `inputs/`) → extract (`extract_html`, `html_body`, `body`) → clean (`clean`,
`linefacts`, `repeats`) → metadata (`metastage` over `signals`, `frontmatter`, `dates`,
`datetext`, `language`, `titles`, `figures`, `stories`) → tag (`tagging`) → write (`markdown_out`, `review`, `write`).
`textstage` finds and cleans title and body; `pipeline` runs the stages; `parallel` spreads a
batch over processes.
"""
