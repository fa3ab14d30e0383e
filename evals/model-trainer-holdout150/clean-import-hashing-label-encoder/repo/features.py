"""Import-table and section-name features from EMBER raw JSON lines."""
import json

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import FeatureHasher

IMPORT_HASHER = FeatureHasher(n_features=2**14, input_type="string", alternate_sign=False)
SECTION_HASHER = FeatureHasher(n_features=2**8, input_type="pair")


def read_jsonl(paths):
    for path in paths:
        with open(path) as f:
            for line in f:
                yield json.loads(line)


def import_tokens(rec):
    toks = []
    for dll, funcs in rec["imports"].items():
        dll = dll.lower()
        toks.append(dll)
        toks.extend(f"{dll}:{fn}" for fn in funcs)
    return toks


def section_pairs(rec):
    return [(s["name"], s["entropy"]) for s in rec["section"]["sections"]]


def featurize(records):
    imports = IMPORT_HASHER.transform(import_tokens(r) for r in records)
    sections = SECTION_HASHER.transform(section_pairs(r) for r in records)
    general = np.array([[r["general"]["size"], r["general"]["imports"], r["general"]["exports"],
                         r["general"]["has_signature"], r["general"]["has_tls"]] for r in records],
                       dtype=np.float64)
    return sparse.hstack([imports, sections, sparse.csr_matrix(np.log1p(general))]).tocsr()
