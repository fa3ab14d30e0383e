"""Feature preparation for the embedding MLP: category vocabularies + numeric scaling."""
from dataclasses import dataclass, field
from typing import Dict, List

import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler


@dataclass
class FeatureState:
    cat_cols: List[str]
    num_cols: List[str]
    vocabs: Dict[str, Dict[str, int]] = field(default_factory=dict)
    num_medians: Dict[str, float] = field(default_factory=dict)
    scaler: StandardScaler = None

    @property
    def cardinalities(self) -> List[int]:
        # +1 for the reserved "unknown" index 0
        return [len(self.vocabs[c]) + 1 for c in self.cat_cols]


def build_feature_state(df: pd.DataFrame, cat_cols: List[str], num_cols: List[str]) -> FeatureState:
    state = FeatureState(cat_cols=list(cat_cols), num_cols=list(num_cols))
    for col in cat_cols:
        values = df[col].astype(str).value_counts().index.tolist()
        state.vocabs[col] = {v: i + 1 for i, v in enumerate(values)}
    state.num_medians = df[num_cols].median().to_dict()
    filled = df[num_cols].fillna(state.num_medians)
    state.scaler = StandardScaler().fit(filled.values)
    return state


def apply_feature_state(df: pd.DataFrame, state: FeatureState):
    cats = np.stack(
        [df[c].astype(str).map(state.vocabs[c]).fillna(0).astype(np.int64).values for c in state.cat_cols],
        axis=1,
    )
    nums = df[state.num_cols].fillna(state.num_medians).values
    nums = state.scaler.transform(nums).astype(np.float32)
    return cats, nums
