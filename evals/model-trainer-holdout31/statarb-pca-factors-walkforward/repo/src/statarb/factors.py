"""Statistical (PCA) factor model of the cross-section of returns."""
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA


def fit_statistical_factors(rets: pd.DataFrame, n_factors: int):
    """Fit PCA on standardised daily returns; return the model and the residual returns."""
    z = (rets - rets.mean()) / rets.std()
    pca = PCA(n_components=n_factors, svd_solver="full")
    pca.fit(z.values)
    common = pca.inverse_transform(pca.transform(z.values))
    resid = pd.DataFrame(z.values - common, index=rets.index, columns=rets.columns)
    return pca, resid


def residual_features(resid: pd.DataFrame, lags) -> pd.DataFrame:
    """Stacked (date, ticker) panel of lagged cumulative residual returns."""
    cols = {}
    for k in lags:
        cols[f"res_{k}d"] = resid.rolling(k).sum().stack()
    cols["res_vol_21d"] = resid.rolling(21).std().stack()
    return pd.DataFrame(cols)
