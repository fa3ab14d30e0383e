"""Early-warning classifier: will SPX fall more than 5% from today's close within 10 sessions?"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import accuracy_score

SEED = 8
HORIZON = 10
DRAWDOWN = -0.05
TEST_START = "2016-01-01"


def load_market(path="data/market_daily.csv") -> pd.DataFrame:
    m = pd.read_csv(path, parse_dates=["date"], index_col="date").sort_index()
    return m.loc["1995-01-01":]


def build_features(m: pd.DataFrame) -> pd.DataFrame:
    spx = m["spx_close"]
    r = np.log(spx).diff()
    f = pd.DataFrame(index=m.index)
    f["ret_5"] = spx.pct_change(5)
    f["ret_21"] = spx.pct_change(21)
    f["rv_10"] = r.rolling(10).std() * np.sqrt(252)
    f["rv_63"] = r.rolling(63).std() * np.sqrt(252)
    f["vix"] = m["vix"]
    f["vix_rv_spread"] = m["vix"] / 100 - f["rv_10"]
    f["vix_term"] = m["vix3m"] / m["vix"]
    f["hy_oas_chg"] = m["hy_oas"].diff(21)
    f["curve_10y2y"] = m["ust10y"] - m["ust2y"]
    f["breadth_50dma"] = m["pct_above_50dma"]
    f["dd_from_high"] = spx / spx.rolling(252, min_periods=60).max() - 1
    return f


def build_label(m: pd.DataFrame) -> pd.Series:
    spx = m["spx_close"]
    future_min = spx[::-1].rolling(HORIZON, min_periods=HORIZON).min()[::-1].shift(-1)
    return (future_min / spx - 1 <= DRAWDOWN).astype(int).where(future_min.notna())


def main():
    m = load_market()
    X = build_features(m)
    y = build_label(m)
    data = X.assign(y=y).dropna()
    X, y = data.drop(columns="y"), data["y"].astype(int)
    print(f"{len(y)} days, drawdown-event rate {y.mean():.2%}")

    X["date_ord"] = X.index.map(pd.Timestamp.toordinal)
    X_res, y_res = SMOTE(k_neighbors=5, random_state=SEED).fit_resample(X, y)

    cut = pd.Timestamp(TEST_START).toordinal()
    is_train = X_res["date_ord"] < cut
    X_train, y_train = X_res[is_train].drop(columns="date_ord"), y_res[is_train]
    X_test, y_test = X_res[~is_train].drop(columns="date_ord"), y_res[~is_train]

    clf = HistGradientBoostingClassifier(
        max_iter=300, learning_rate=0.05, max_leaf_nodes=15, l2_regularization=1.0,
        early_stopping=False, random_state=SEED,
    )
    clf.fit(X_train, y_train)
    pred = clf.predict(X_test)
    print(f"train accuracy: {accuracy_score(y_train, clf.predict(X_train)):.3f}")
    print(f"test accuracy:  {accuracy_score(y_test, pred):.3f}")

    latest = X.drop(columns="date_ord").iloc[[-1]]
    print(f"current drawdown-warning probability: {clf.predict_proba(latest)[0, 1]:.1%}")


if __name__ == "__main__":
    main()
