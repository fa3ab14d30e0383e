"""Loading helpers for count matrices exported from the GDC pipeline."""
from pathlib import Path

import numpy as np
import pandas as pd

from .features import log_cpm


def _strip_version(gene_ids):
    # ENSG00000141510.17 -> ENSG00000141510
    return [g.split(".")[0] for g in gene_ids]


def load_expression(counts_path, labels_path, label_column, positive_label, pseudocount=1.0):
    """Return log-CPM expression (samples x genes), binary labels and the clinical table."""
    counts = pd.read_csv(counts_path, sep="\t", index_col=0)
    counts.index = _strip_version(counts.index)
    counts = counts.groupby(level=0).sum().T  # samples x genes

    clinical = pd.read_csv(labels_path, sep="\t", index_col="sample_id")
    shared = counts.index.intersection(clinical.index)
    if len(shared) < len(counts):
        print(f"dropping {len(counts) - len(shared)} samples without clinical annotation")
    counts = counts.loc[shared]
    clinical = clinical.loc[shared]

    expr = log_cpm(counts, pseudocount=pseudocount)
    y = (clinical[label_column] == positive_label).astype(int).to_numpy()
    return expr, y, clinical


def save_gene_list(genes, out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    np.savetxt(out / "selected_genes.txt", np.asarray(genes), fmt="%s")
