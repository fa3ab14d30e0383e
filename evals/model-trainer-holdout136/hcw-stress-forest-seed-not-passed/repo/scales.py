"""Scoring for the PSS-10 and Brief COPE blocks of the healthcare-worker survey."""
import pandas as pd

PSS_ITEMS = [f"pss{i}" for i in range(1, 11)]
PSS_REVERSED = ["pss4", "pss5", "pss7", "pss8"]      # 0-4 response scale

# Brief COPE: 14 two-item subscales, items 1-4 (28 items)
COPE_SUBSCALES = {
    "self_distraction": (1, 19), "active_coping": (2, 7), "denial": (3, 8),
    "substance_use": (4, 11), "emotional_support": (5, 15), "instrumental_support": (10, 23),
    "behavioral_disengagement": (6, 16), "venting": (9, 21), "positive_reframing": (12, 17),
    "planning": (14, 25), "humor": (18, 28), "acceptance": (20, 24), "religion": (22, 27),
    "self_blame": (13, 26),
}


def score_pss(df: pd.DataFrame) -> pd.Series:
    items = df[PSS_ITEMS].copy()
    items[PSS_REVERSED] = 4 - items[PSS_REVERSED]
    return items.sum(axis=1, min_count=len(PSS_ITEMS))


def score_cope(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    for name, (a, b) in COPE_SUBSCALES.items():
        out[f"cope_{name}"] = df[[f"cope{a}", f"cope{b}"]].mean(axis=1) * 2
    return out
