"""Logging filters named in settings.LOGGING."""

import logging

# A warning line holds at most this many characters of its message: a bad Host header is
# repeated in it, and a client chooses how long that header is.
MAX_MESSAGE = 300


class OneLineWarning(logging.Filter):
    """Log the record as one WARNING line: no traceback, whatever level it was raised at,
    and the message cut to MAX_MESSAGE characters."""

    def filter(self, record):
        message = record.getMessage()
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + "…"
        record.msg, record.args = message, None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        if record.levelno > logging.WARNING:
            record.levelno = logging.WARNING
            record.levelname = logging.getLevelName(logging.WARNING)
        return True
