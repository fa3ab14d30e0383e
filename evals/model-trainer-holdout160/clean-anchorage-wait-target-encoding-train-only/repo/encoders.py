import pandas as pd


class SmoothedTargetEncoder:
    """Mean-target encoding with additive smoothing towards the global mean.

    Fitted on one frame, applied to any other; unseen categories get the global mean.
    """

    def __init__(self, cols, smoothing=10.0):
        self.cols = cols
        self.smoothing = smoothing
        self.maps_ = {}
        self.prior_ = None

    def fit(self, df, target):
        self.prior_ = float(df[target].mean())
        for c in self.cols:
            stats = df.groupby(c, observed=True)[target].agg(["sum", "count"])
            self.maps_[c] = (stats["sum"] + self.smoothing * self.prior_) / (stats["count"] + self.smoothing)
        return self

    def transform(self, df):
        out = pd.DataFrame(index=df.index)
        for c in self.cols:
            out[f"{c}_te"] = df[c].map(self.maps_[c]).astype(float).fillna(self.prior_)
        return out

    def fit_transform(self, df, target):
        return self.fit(df, target).transform(df)
