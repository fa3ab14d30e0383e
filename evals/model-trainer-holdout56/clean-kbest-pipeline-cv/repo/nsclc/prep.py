import numpy as np
import pandas as pd


def log_cpm(counts: pd.DataFrame, prior_count: float = 1.0) -> pd.DataFrame:
    """Library-size normalisation (counts per million) followed by log2."""
    lib = counts.sum(axis=1).to_numpy()[:, None]
    return np.log2(counts / lib * 1e6 + prior_count)


def load_cohort(counts_path, clinical_path):
    counts = pd.read_parquet(counts_path)
    clin = pd.read_csv(clinical_path, index_col="sample_id")
    clin = clin[clin["sample_type"] == "Primary Tumor"]
    # one primary tumour aliquot per patient
    clin = clin[~clin["patient_id"].duplicated(keep="first")]
    counts = counts.loc[counts.index.intersection(clin.index)]
    y = (clin.loc[counts.index, "project"] == "TCGA-LUSC").astype(int)
    return log_cpm(counts), y
