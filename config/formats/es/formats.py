"""Spanish as New Yorkers read it: dates in Spanish words ("5 de marzo de 2026"), numbers
and money in the US style ("$58,130", "27.95"), as the English pages show them. Django's own
`es` formats are Spain's (a decimal comma, a space between thousands), which US Spanish
readers would misread; FORMAT_MODULE_PATH in settings puts this module first.
"""

DATE_FORMAT = r"j \d\e F \d\e Y"
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = r"j \d\e F \d\e Y, g:i A"
YEAR_MONTH_FORMAT = r"F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
SHORT_DATE_FORMAT = "m/d/Y"
SHORT_DATETIME_FORMAT = "m/d/Y g:i A"
FIRST_DAY_OF_WEEK = 0  # Sunday, as US calendars show it

DATE_INPUT_FORMATS = ["%m/%d/%Y", "%Y-%m-%d", "%m/%d/%y"]
DATETIME_INPUT_FORMATS = [
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
