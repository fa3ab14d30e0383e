"""Job-feed impression sessions -> graded relevance for LambdaRank."""
import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

FEATURES = [
    "title_embedding_sim", "skills_overlap", "seniority_gap", "distance_km_log", "salary_match",
    "remote_match", "company_follow", "job_age_hours_log", "applies_per_view_7d", "saves_per_view_7d",
    "member_apply_rate_30d", "same_industry",
]
# 0 = viewed, 1 = clicked, 2 = saved, 3 = applied
GRADE = {"view": 0, "click": 1, "save": 2, "apply": 3}


def load(path):
    df = pd.read_parquet(path)
    df["grade"] = df["max_action"].map(GRADE).astype(int)
    return df.sort_values(["session_id", "slot"]).reset_index(drop=True)


def split_sessions(df, fraction, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=fraction, random_state=seed)
    a, b = next(gss.split(df, groups=df["member_id"]))
    return df.iloc[a].reset_index(drop=True), df.iloc[b].reset_index(drop=True)


def lgb_groups(df):
    return df.groupby("session_id", sort=False).size().to_numpy()


def per_session_ndcg(df, scores, k, gains):
    from sklearn.metrics import ndcg_score
    gain = np.asarray(gains)[df["grade"].to_numpy()]
    vals = []
    for idx in df.groupby("session_id", sort=False).indices.values():
        if len(idx) > 1 and gain[idx].max() > 0:
            vals.append(ndcg_score([gain[idx]], [scores[idx]], k=k))
    return float(np.mean(vals))
