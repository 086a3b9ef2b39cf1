"""Articles the export tests ingest: a killing reported by two outlets, and an aggregator's
copy of the first report with its own banner and boilerplate."""
# ruff: noqa: E501

FIRST = """Gunmen kill opposition leader Ahmed Farouk in Karachi

Tuesday, May 11, 2021

Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.

Farouk, who led the Karachi Workers Movement, had accused the provincial government of corruption. Nadia Qureshi, a spokeswoman for the Sindh Police, said officers had arrested two suspects.
"""


SECOND = """Karachi mourns Ahmed Farouk

Wednesday, May 12, 2021

Opposition leader Ahmed Farouk was shot dead in Karachi on Monday. His killing shocked the country.

Supporters of Mr. Farouk gathered outside the offices of the KWM.
"""


FIRST_COPY = """Share on Facebook | Share on Twitter | Email this article

Gunmen kill opposition leader Ahmed Farouk in Karachi

Source: Karachi Evening Star

Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.

Farouk, who led the Karachi Workers Movement, had accused the provincial government of corruption. Nadia Qureshi, a spokeswoman for the Sindh Police, said officers had arrested two suspects.

Copyright 2021 Newsline Aggregator. All rights reserved.
"""
