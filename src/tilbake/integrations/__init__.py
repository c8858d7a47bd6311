"""tilbake inside other frameworks (optional extras): ``presidio`` (presidio-analyzer recognizers).

An integration is a face like the CLI: it adapts ``deid/`` to another library's interfaces and
holds no logic of its own; its library is imported only by its module.
"""
