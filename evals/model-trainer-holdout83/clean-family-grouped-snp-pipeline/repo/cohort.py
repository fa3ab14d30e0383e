"""Load the family-based asthma cohort and sanity-check relatedness structure."""
import logging

import pandas as pd

log = logging.getLogger(__name__)


def load_cohort(cfg):
    dos = pd.read_parquet(cfg["dosages"])
    samples = pd.read_csv(cfg["samples"], sep="\t", index_col="IID")
    samples = samples.loc[samples.index.intersection(dos.index)]
    samples = samples.dropna(subset=[cfg["label"]])
    dos = dos.loc[samples.index]
    log.info(
        "%d individuals in %d families (max family size %d)",
        len(samples), samples[cfg["family_col"]].nunique(),
        samples[cfg["family_col"]].value_counts().max(),
    )
    return dos, samples


def assert_families_disjoint(fam_a: pd.Series, fam_b: pd.Series):
    shared = set(fam_a) & set(fam_b)
    if shared:
        raise ValueError(f"{len(shared)} families appear in both splits, e.g. {sorted(shared)[:5]}")


def allele_frequency_summary(dos: pd.DataFrame) -> pd.Series:
    af = dos.mean(axis=0) / 2
    maf = af.where(af <= 0.5, 1 - af)
    return pd.cut(maf, [0, 0.01, 0.05, 0.1, 0.2, 0.5]).value_counts().sort_index()
