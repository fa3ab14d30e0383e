"""Features for the 'will the user buy the recommended item' re-ranker."""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import StandardScaler

DENSE_COLS = [
    "item_price",
    "item_popularity_30d",
    "user_orders_90d",
    "user_avg_spend",
    "days_since_user_last_order",
    "position_in_slate",
    "price_vs_user_avg",
]


@dataclass
class PairFeaturizer:
    max_features: int = 20000
    vectorizer: TfidfVectorizer = field(init=False)
    scaler: StandardScaler = field(init=False)

    def __post_init__(self):
        self.vectorizer = TfidfVectorizer(max_features=self.max_features, ngram_range=(1, 2), min_df=3, sublinear_tf=True)
        self.scaler = StandardScaler()

    @staticmethod
    def _derive(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        out["price_vs_user_avg"] = out["item_price"] / out["user_avg_spend"].replace(0, np.nan)
        out["price_vs_user_avg"] = out["price_vs_user_avg"].fillna(1.0)
        return out

    def build(self, frame: pd.DataFrame) -> sparse.csr_matrix:
        frame = self._derive(frame)
        text = (frame["item_title"] + " " + frame["item_category_path"]).str.lower()
        text_mat = self.vectorizer.fit_transform(text)
        dense = self.scaler.fit_transform(frame[DENSE_COLS].to_numpy(dtype=float))
        return sparse.hstack([text_mat, sparse.csr_matrix(dense)]).tocsr()
