"""General knowledge tables of the clean stage, each with its source.

Nothing here names a particular site or article.  Every table is a *weak cue*
combined with others (length, stop words, punctuation, position, language,
repetition); the cleaner works with each of them empty.
"""

from __future__ import annotations

import re

__all__ = [
    "ATTRIBUTION_PREFIX_RE",
    "ATTRIBUTION_SUFFIX_RE",
    "CHROME_PHRASES",
    "CHROME_RE",
    "ISO_TO_JUSTEXT",
    "OUTLET_ACRONYMS",
    "OUTLET_WORDS",
    "SECTION_PHRASES",
    "SECTION_RE",
    "WIRE_DATELINE_RE",
]

#: Recurring web-page chrome vocabulary (ads, share bars, comment forms, newsletter
#: pitches, navigation), collected from the WordPress core/Disqus comment-form
#: strings, common CMS templates and IAB ad labels.  Matched case-insensitively
#: on a whole short line or its start; a hit only tips a short line towards
#: boilerplate, it never removes a paragraph on its own.
CHROME_PHRASES: tuple[str, ...] = (
    # advertising
    "advertisement", "advert", "sponsored", "sponsored content", "promoted", "ad choices", "anzeige",
    "publicité", "publicidad", "pubblicità",
    # navigation / accessibility
    "skip to content", "skip to main content", "skip to navigation", "jump to", "main menu", "menu",
    "home", "search", "back to top", "next article", "previous article", "next post", "previous post",
    "more", "load more", "show more", "read more", "continue reading", "see more", "view all", "more stories",
    # related / popular blocks
    "latest news", "latest", "related news", "related", "related articles", "related stories",
    "related posts", "you may also like", "you might also like", "recommended", "recommended for you",
    "most popular", "most read", "most viewed", "trending", "trending now", "top stories", "editor's picks",
    "more from", "also read", "read also", "see also", "don't miss", "popular posts",
    # sharing
    "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "tweet", "pin it", "email", "print", "copy link", "whatsapp", "facebook", "twitter",
    "linkedin", "reddit", "telegram", "follow us", "follow us on",
    # newsletters / subscriptions
    "sign up", "subscribe", "subscribe now", "newsletter", "newsletters", "sign up for our newsletter",
    "get the latest", "stay up to date", "join our mailing list",
    # comments
    "leave a reply", "leave a comment", "be the first to comment", "comments", "comment", "reply",
    "post a comment", "add a comment", "your email address will not be published",
    "required fields are marked", "please enter your comment", "please enter your name here",
    "you have entered an incorrect email address", "save my name, email, and website in this browser",
    "cancel reply", "post comment", "this site uses akismet to reduce spam", "log in to reply",
    # site labels / legal
    "fact checked", "all rights reserved", "privacy policy", "terms of use", "terms of service",
    "cookie policy", "cookies", "accept cookies", "contact us", "about us", "log in", "sign in",
    "register", "image", "photo", "video", "tags", "topics", "filed under", "categories",
    "listen to this article", "reading time",
)

#: The subset of ``CHROME_PHRASES`` that heads a page section of its own after the
#: article (comments, related and most-read lists), as opposed to chrome set inside
#: the article (an ad label, a "read also" box, a share bar).
SECTION_PHRASES: tuple[str, ...] = (
    "latest news", "related news", "related articles", "related stories", "related posts",
    "you may also like", "you might also like", "recommended", "recommended for you", "most popular",
    "most read", "most viewed", "trending", "trending now", "top stories", "editor's picks", "more from",
    "popular posts", "more stories", "leave a reply", "leave a comment", "be the first to comment",
    "comments", "post a comment", "add a comment",
)

SECTION_RE = re.compile(
    r"^\W*(?:" + "|".join(re.escape(p) for p in sorted(SECTION_PHRASES, key=len, reverse=True)) + r")\W*$",
    re.I,
)

CHROME_RE = re.compile(
    r"^\W*(?:" + "|".join(re.escape(p) for p in sorted(CHROME_PHRASES, key=len, reverse=True)) + r")\b",
    re.I,
)

#: Phrases that mark site chrome wherever they stand in a line: cookie/consent
#: banners (wording of the common consent-management templates), comment-form
#: and newsletter boilerplate, script/browser notices.  A hit demotes a line one
#: jusText class; two distinct hits make it bad.
CHROME_ANYWHERE: tuple[str, ...] = (
    "uses cookies", "use cookies", "use of cookies", "cookie policy", "cookie settings", "accept all",
    "cookies to improve", "privacy policy", "privacy settings", "terms of service", "terms of use",
    "terms and conditions", "all rights reserved", "by clicking", "you agree to", "opt-out", "opt out",
    "sign up for", "sign up to", "subscribe to", "our newsletter", "newsletters", "newsletter",
    "email address will not be published", "required fields", "comment data", "notify me of",
    "log in", "sign in", "javascript", "your browser", "click here", "tap here", "download the app",
    "follow us on", "share this", "advertisement", "sponsored content", "affiliate links",
    "commission", "read more", "related articles", "most popular", "recommended for you",
)

CHROME_ANYWHERE_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in CHROME_ANYWHERE) + r")\b", re.I)

#: ISO 639-1 codes → jusText stop-list names (ISO 639-1 registry, Library of Congress).
ISO_TO_JUSTEXT: dict[str, str] = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "an": "Aragonese", "hy": "Armenian",
    "ast": "Asturian", "az": "Azerbaijani", "eu": "Basque", "be": "Belarusian", "bn": "Bengali",
    "bs": "Bosnian", "br": "Breton", "bg": "Bulgarian", "ca": "Catalan", "ceb": "Cebuano",
    "cv": "Chuvash", "hr": "Croatian", "cs": "Czech", "da": "Danish", "nl": "Dutch", "en": "English",
    "eo": "Esperanto", "et": "Estonian", "fi": "Finnish", "fr": "French", "gl": "Galician",
    "ka": "Georgian", "de": "German", "el": "Greek", "gu": "Gujarati", "ht": "Haitian", "he": "Hebrew",
    "hi": "Hindi", "hu": "Hungarian", "is": "Icelandic", "io": "Ido", "ig": "Igbo", "id": "Indonesian",
    "ga": "Irish", "it": "Italian", "jv": "Javanese", "kn": "Kannada", "kk": "Kazakh", "ko": "Korean",
    "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lv": "Latvian", "lt": "Lithuanian",
    "lmo": "Lombard", "nds": "Low_Saxon", "lb": "Luxembourgish", "mk": "Macedonian", "ms": "Malay",
    "ml": "Malayalam", "mt": "Maltese", "mr": "Marathi", "nap": "Neapolitan", "ne": "Nepali",
    "new": "Newar", "nb": "Norwegian_Bokmal", "no": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk",
    "oc": "Occitan", "fa": "Persian", "pms": "Piedmontese", "pl": "Polish", "pt": "Portuguese",
    "qu": "Quechua", "ro": "Romanian", "ru": "Russian", "sr": "Serbian", "sh": "Serbo_Croatian",
    "scn": "Sicilian", "sk": "Slovak", "sl": "Slovenian", "es": "Spanish", "su": "Sundanese",
    "sw": "Swahili", "sv": "Swedish", "tl": "Tagalog", "ta": "Tamil", "te": "Telugu", "tr": "Turkish",
    "tk": "Turkmen", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "vo": "Volapuk",
    "wa": "Walloon", "war": "Waray_Waray", "cy": "Welsh", "fy": "West_Frisian", "pnb": "Western_Panjabi",
    "yo": "Yoruba",
}

#: Words that make a capitalised phrase the name of a news outlet (from the
#: mastheads of the world's press: "The X Times", "Y News Agency", "Z Herald").
OUTLET_WORDS: frozenset[str] = frozenset({
    "post", "times", "news", "herald", "journal", "tribune", "gazette", "guardian", "telegraph",
    "press", "agency", "daily", "weekly", "chronicle", "observer", "independent", "express", "mirror",
    "mail", "sun", "star", "standard", "examiner", "inquirer", "courier", "dispatch", "review",
    "reporter", "record", "monitor", "bulletin", "register", "sentinel", "globe", "magazine",
    "newspaper", "wire", "radio", "television", "tv", "broadcasting", "network", "media", "today",
    "insider", "week", "economist", "mercury", "leader", "nation", "voice", "report", "zeitung",
    "spiegel", "tageblatt", "país", "mundo", "corriere", "repubblica",
    "stampa", "diario", "jornal", "folha", "gazeta", "pravda", "izvestia", "shimbun", "ilbo", "nippo",
    "yonhap", "xinhua", "kyodo", "tass", "interfax", "reuters", "bloomberg",
})

#: Acronyms of wire services and broadcasters that stand alone as an outlet name
#: (the major news agencies and public broadcasters).
OUTLET_ACRONYMS: frozenset[str] = frozenset({
    "AP", "AFP", "UPI", "DPA", "ANSA", "EFE", "KCNA", "BBC", "CNN", "NBC", "CBS", "ABC", "NPR", "PBS",
    "RT", "DW", "NHK", "KBS", "MBC", "SBS", "CBC", "RFI", "RFA", "VOA", "ITV", "CNBC", "MSNBC", "NYT",
    "WSJ", "AA", "IANS", "PTI", "ANI", "ATS", "APA", "CTK", "PAP", "TASS", "RIA",
})

_NAME = r"(?P<outlet>[A-Z][\w'’&.-]*(?:\s+(?:of|de|du|la|le|el|di|the|and|&|[A-Z][\w'’&.-]*)){0,6})"

#: "Source: X", "Via X", "Originally published by X", "Credit: X" — attribution
#: lines and their equivalents in a few widely published languages (Fr/Es/De/It/Pt).
ATTRIBUTION_PREFIX_RE = re.compile(
    r"^\W*(?:sources?|via|originally published (?:by|in|on|at)|first published (?:by|in|on)|"
    r"republished (?:from|with permission (?:of|from))|reprinted (?:from|with permission (?:of|from))|"
    r"this (?:article|story) (?:was )?(?:originally |first )?(?:appeared|published) (?:in|on|by)|"
    r"courtesy(?: of)?|credit|fuente|quelle|fonte)\s*[:\-–—]?\s*" + _NAME + r"\W*$",
    re.I,
)

#: "The Korea Times reports:", "X reported:", "According to X:", "X says:".
ATTRIBUTION_SUFFIX_RE = re.compile(
    r"^\W*(?:according to\s+)?" + _NAME
    + r"\s*(?:reports?|reported|writes|wrote|says|said|notes|noted)?\s*:\s*$",
)

#: Wire-story opener "(Reuters) -", "WASHINGTON (AP) —", "PARIS, May 3 (AFP) –".
WIRE_DATELINE_RE = re.compile(r"^[^()\n]{0,60}\((?P<outlet>[A-Z][\w .&'’-]{1,40})\)\s*[-–—]+\s")

#: Labels newsrooms put before a headline's colon that are not outlets
#: ("Breaking News: …", "Live Report: …"), from common news-site section labels.
HEADLINE_LABELS: frozenset[str] = frozenset({
    "breaking", "exclusive", "live", "update", "updated", "updates", "watch", "opinion", "analysis",
    "explainer", "editorial", "video", "photos", "pictures", "latest", "special", "interview", "review",
    "fact", "check", "focus", "feature", "comment", "column", "podcast", "world", "local", "national",
    "sports", "business", "tech", "politics", "health", "science", "top", "weekly", "daily", "news",
    "report", "today", "week", "in", "the", "a", "of", "and",
})

#: Words that surround a date on a dateline or byline line and carry no other
#: content ("Published on", "Updated:", "Posted by", "Last modified").
DATE_PREFIX_WORDS: frozenset[str] = frozenset({
    "published", "publication", "updated", "update", "posted", "last", "modified", "on", "at", "by",
    "date", "dated", "first", "am", "pm", "gmt", "utc", "est", "edt", "pst", "pdt", "cet", "cest",
    "bst", "ist", "kst", "jst", "et", "pt", "time", "le", "el", "il", "publié", "mis", "à", "jour",
    "veröffentlicht", "aktualisiert", "publicado", "actualizado", "pubblicato",
})
