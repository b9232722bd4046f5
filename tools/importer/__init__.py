"""The importer: raw pages and scraper exports in, one Markdown article each out.

The stages run in this order over one `article.Article` record per input, each a module:
read (`read`, `inputs/`) → extract (`extract_html`, `html_body`, `body`, `textstage`) → clean
(`clean`, `linefacts`, `repeats`) → metadata (`metastage` over `signals`, `frontmatter`, `dates`,
`datetext`, `language`, `titles`, `decide`; `figures`, `stories`) → tag (`tagging`) → write
(`markdown_out`, `review`, `write`). `pipeline` runs the stages; `parallel` spreads a batch over
processes.
"""
