"""Helpers for turning PLINK-exported genotype tables into model features."""
import logging

import numpy as np
import pandas as pd
from scipy import stats

log = logging.getLogger(__name__)

PLINK_META_COLS = ("FID", "PAT", "MAT", "SEX", "PHENOTYPE")


def load_dosages(raw_path: str) -> pd.DataFrame:
    """Read a PLINK `--recode A` .raw file and return an IID-indexed dosage matrix."""
    raw = pd.read_csv(raw_path, sep=r"\s+")
    raw = raw.set_index("IID")
    snp_cols = [c for c in raw.columns if c not in PLINK_META_COLS]
    log.info("loaded %d samples x %d variants from %s", raw.shape[0], len(snp_cols), raw_path)
    return raw[snp_cols].astype("float32")


def strip_allele_suffix(columns):
    """PLINK appends the counted allele (rs123_A); keep only the rsID."""
    return [c.rsplit("_", 1)[0] for c in columns]


def association_scan(dosages: pd.DataFrame, phenotype: pd.Series) -> pd.Series:
    """Per-SNP genotypic (2x3) chi-square test of association with case/control status."""
    pvals = {}
    for snp in dosages.columns:
        genotype = dosages[snp].round()
        table = pd.crosstab(phenotype, genotype)
        if table.shape[1] < 2:
            pvals[snp] = 1.0
            continue
        _, p, _, _ = stats.chi2_contingency(table)
        pvals[snp] = p
    return pd.Series(pvals, name="p").sort_values()


def select_top_snps(dosages, phenotype, p_threshold=5e-5, max_snps=2000):
    """Return SNPs passing the association threshold, capped at max_snps by p-value."""
    pvals = association_scan(dosages, phenotype)
    hits = pvals[pvals < p_threshold]
    if len(hits) > max_snps:
        hits = hits.iloc[:max_snps]
    if hits.empty:
        log.warning("no SNP passes p < %g; falling back to the top 100", p_threshold)
        hits = pvals.iloc[:100]
    return list(hits.index), pvals


def lambda_gc(pvals: pd.Series) -> float:
    """Genomic inflation factor from the median chi-square statistic."""
    chisq = stats.chi2.isf(np.clip(pvals.values, 1e-300, 1.0), df=1)
    return float(np.median(chisq) / stats.chi2.ppf(0.5, df=1))
