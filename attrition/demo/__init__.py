"""The bundled demo: a small illustrative corpus that `attrition demo` ingests on a fresh machine."""
