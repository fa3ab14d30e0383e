import numpy as np
import pandas as pd

CPC_SECTIONS = list("ABCDEFGH")


def add_text_stats(df: pd.DataFrame) -> pd.DataFrame:
    df["n_claim_words"] = df["claims_text"].fillna("").str.split().str.len()
    df["first_claim_words"] = df["first_claim"].fillna("").str.split().str.len()
    df["abstract_words"] = df["abstract"].fillna("").str.split().str.len()
    df["claims_per_indep"] = df["n_claims"] / df["n_independent_claims"].clip(lower=1)
    return df


def add_assignee_stats(df: pd.DataFrame, target: str, prior_weight: float = 10.0) -> pd.DataFrame:
    """Smoothed citation rate of each assignee's portfolio (small assignees shrink to the global mean)."""
    grp = df.groupby("assignee_id")[target]
    mean = grp.transform("mean")
    n = grp.transform("size")
    global_mean = df[target].mean()
    w = n / (n + prior_weight)
    df["assignee_cite_rate"] = w * mean + (1 - w) * global_mean
    df["assignee_n_patents"] = n
    return df


def add_categoricals(df: pd.DataFrame) -> pd.DataFrame:
    df["cpc_section"] = pd.Categorical(df["cpc_section"], categories=CPC_SECTIONS)
    df["entity_size"] = pd.Categorical(df["entity_size"], categories=["large", "small", "micro"])
    return df


FEATURES = [
    "n_claims", "n_independent_claims", "n_inventors", "n_backward_cites", "n_npl_cites",
    "family_size_at_grant", "n_cpc_codes", "pendency_days", "n_claim_words", "first_claim_words",
    "abstract_words", "claims_per_indep", "assignee_cite_rate", "assignee_n_patents",
    "cpc_section", "entity_size",
]
