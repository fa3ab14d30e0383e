"""Clumping+thresholding polygenic scores from external GWAS summary statistics."""
import numpy as np
import pandas as pd

P_THRESHOLDS = [5e-8, 1e-6, 1e-4, 1e-3, 1e-2, 0.05, 0.1, 0.5, 1.0]


def load_sumstats(path, clumped_path):
    ss = pd.read_csv(path, sep="\t", usecols=["SNP", "A1", "BETA", "P"])
    clumped = pd.read_csv(clumped_path, sep=r"\s+", usecols=["SNP"])
    return ss[ss["SNP"].isin(clumped["SNP"])].set_index("SNP")


def align_dosages(dosages: pd.DataFrame, counted_allele: pd.Series, sumstats: pd.DataFrame):
    """Flip dosage columns so they count the GWAS effect allele A1."""
    shared = dosages.columns.intersection(sumstats.index)
    dos = dosages[shared].copy()
    flip = counted_allele.loc[shared] != sumstats.loc[shared, "A1"]
    dos.loc[:, flip] = 2.0 - dos.loc[:, flip]
    return dos, sumstats.loc[shared]


def score_at_thresholds(dos: pd.DataFrame, sumstats: pd.DataFrame) -> pd.DataFrame:
    """Weighted allele sums using GWAS betas; missing calls contribute 0 (no imputation)."""
    scores = {}
    g = dos.fillna(0).values
    for p in P_THRESHOLDS:
        mask = (sumstats["P"] <= p).values
        scores[f"prs_p{p:g}"] = g[:, mask] @ sumstats["BETA"].values[mask] if mask.any() else np.zeros(len(dos))
    return pd.DataFrame(scores, index=dos.index)
