import numpy as np
import pandas as pd

CATEGORICAL = ["job", "marital", "education", "default", "housing", "loan", "contact",
               "month", "day_of_week", "poutcome"]
NUMERIC = ["age", "campaign", "pdays", "previous", "emp.var.rate", "cons.price.idx",
           "cons.conf.idx", "euribor3m", "nr.employed"]
# "duration" is only known after the call has ended, so it is never used as an input
DROP = ["duration"]
TARGET = "y"


class TabularEncoder:
    """Integer codes for categoricals (0 = unseen) and z-scored numerics, learned in fit()."""

    def fit(self, df: pd.DataFrame):
        self.vocab = {c: {v: i + 1 for i, v in enumerate(sorted(df[c].astype(str).unique()))}
                      for c in CATEGORICAL}
        self.mean = df[NUMERIC].mean()
        self.std = df[NUMERIC].std().replace(0, 1.0)
        return self

    def transform(self, df: pd.DataFrame):
        cats = np.stack([df[c].astype(str).map(self.vocab[c]).fillna(0).astype(np.int64).to_numpy()
                         for c in CATEGORICAL], axis=1)
        nums = ((df[NUMERIC] - self.mean) / self.std).to_numpy(np.float32)
        return cats, nums

    @property
    def cardinalities(self):
        return [len(self.vocab[c]) + 1 for c in CATEGORICAL]
