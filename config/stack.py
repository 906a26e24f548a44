"""
Each request run at the start of a fresh, roomy piece of CPython's frame stack.

CPython (3.11 to 3.13 at least) keeps Python frames in chunks of 16 KiB, allocating a
chunk (mmap) when a call does not fit in the current one and freeing it (munmap) as soon
as the call that needed it returns. When a request's stack happens to reach the end of a
chunk inside a tight loop of calls, as rendering a template is (each node calls render,
which calls resolve, which calls ...), every one of those calls maps and unmaps memory.
Where the end of the chunk falls depends on how deep the request already is: the WSGI
server, every middleware and the view above the template. It fell there on this site: a
training's result card took 0.55 ms to render under the middleware stack against 0.33 ms
from the view alone, and up to 3x at other depths (bench/README.md, "Frame stack").

`on_fresh_stack(function, *args)` calls `function` from a frame too large for any 16 KiB
chunk, so CPython gives it a chunk of its own (FRESH_CHUNK), with ROOM bytes free beyond
that frame: more than a request ever stacks, so no chunk ends inside the request. It costs
one mapping per request, a few microseconds. (Should something keep this frame past the
call, a traceback caught above the WSGI application, CPython copies it: 129 KiB, once.)
"""

import types

# CPython's frame stack chunk (Python/pystate.c, DATA_STACK_CHUNK_SIZE) and a pointer.
CHUNK = 16 * 1024
POINTER = 8
# A frame just over half of FRESH_CHUNK: CPython rounds a chunk up to a power of two of
# CHUNK that holds the frame, so the frame never fits in the chunk in use, and what is left
# of its own chunk (ROOM) is free for everything the call stacks.
FRESH_CHUNK = 16 * CHUNK
ROOM = FRESH_CHUNK // 2 - 1024


def _call(function, *args):
    return function(*args)


# The same function with room for FRESH_CHUNK // 2 + 1024 bytes of values on its own stack:
# CPython sizes a frame from its code's stack size (co_stacksize), which it trusts.
_call_on_fresh_stack = types.FunctionType(
    _call.__code__.replace(co_stacksize=(FRESH_CHUNK - ROOM) // POINTER),
    {},
    "on_fresh_stack",
)


def on_fresh_stack(function, *args):
    """function(*args), with ROOM bytes of CPython's frame stack free beneath it."""
    return _call_on_fresh_stack(function, *args)
