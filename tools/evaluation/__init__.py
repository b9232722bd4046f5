"""`python -m tools eval`: the importer scored on pages it was not built on.

pages   which development pages there are (../shared/corpus, ../shared/devcorpus) and their truth
scoring token-level body precision/recall/F1, title and date agreement
loso    leave-site-out: each site without the rule patterns only it triggers
run     one page through the importer (and trafilatura as the reference), in parallel
report  the per-set and per-language tables
command the click command
"""
