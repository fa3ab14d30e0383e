import numpy as np
import pandas as pd

HISTORY_COLS = ["judge_prior_n", "judge_prior_reversal_rate", "circuit_prior_reversal_rate",
                "party_prior_appeals"]


def add_history_features(df: pd.DataFrame) -> pd.DataFrame:
    """Docket-history features, each using only appeals decided before the current one."""
    df = df.sort_values("decision_date").reset_index(drop=True)

    g = df.groupby("lower_court_judge")["reversed"]
    df["judge_prior_n"] = g.cumcount()
    df["judge_prior_reversal_rate"] = (
        g.transform(lambda s: s.shift(1).expanding().mean()).fillna(0.5)
    )
    df["circuit_prior_reversal_rate"] = (
        df.groupby("circuit")["reversed"].transform(lambda s: s.shift(1).expanding().mean()).fillna(0.5)
    )
    df["party_prior_appeals"] = df.groupby("appellant_norm").cumcount()
    return df


def add_meta_features(df: pd.DataFrame) -> pd.DataFrame:
    df["log_opinion_words"] = np.log1p(df["opinion_below"].str.split().str.len())
    df["is_pro_se"] = df["appellant_counsel"].isna().astype(int)
    df["is_govt_appellee"] = df["appellee"].str.contains(r"United States|Commissioner|State of", regex=True).astype(int)
    return df
