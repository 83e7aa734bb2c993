"""Run by every kernel that executes a chapter during the book build (``PYTHONSTARTUP``).

A Python warning raised while a chapter runs is an error: its cell fails, and with
``raise_on_error`` the build fails, naming the chapter and the warning.  Deprecation warnings
raised inside third-party packages stay silent (they are not the chapter's doing); one raised by
the chapter's own code is an error too.  Set by ``_ext/book_html.py`` (and by the notebook tests).
"""

import warnings

warnings.simplefilter("error")
for _category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
    warnings.filterwarnings("ignore", category=_category)
warnings.filterwarnings("error", category=DeprecationWarning, module="__main__")
del _category
