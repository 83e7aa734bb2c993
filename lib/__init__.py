"""Shared package of the book *Replicated trade-and-migration papers*.

One sub-package per paper's model (``offshoring``, ``negotiating_blocs``,
``customs_unions``, ``migration_vs_trade``) and a few shared helpers
(``figures``, ``controls``, ``explorer``, ``registry``).  Importing ``lib``
is cheap: nothing heavy happens here.
"""

__version__ = "0.1.0"
