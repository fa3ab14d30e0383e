"""Transfer fee model (log EUR) for permanent transfers into the top-5 leagues.

Windows up to summer 2021 train the model, the 2022 windows drive early stopping,
and the 2023 windows are the reported test set.
"""
import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, r2_score

SEED = 12

CAT = ["position", "from_league", "to_league", "to_club", "nationality_region", "foot"]
NUM = [
    "age", "contract_months_left", "market_value_eur_log", "prev_fee_eur_log", "prev_transfers",
    "minutes_last_season", "npxg_p90", "xa_p90", "intl_caps", "seller_club_elo", "buyer_club_elo",
]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["transfer_date"])
    df = df[(df["fee_eur"] > 0) & (df["loan"] == 0)].copy()
    df["y"] = np.log1p(df["fee_eur"])
    df["market_value_eur_log"] = np.log1p(df["market_value_pre_transfer_eur"])
    df["prev_fee_eur_log"] = np.log1p(df["prev_fee_eur"].fillna(0))
    df[CAT] = df[CAT].fillna("unknown").astype(str)
    return df.sort_values("transfer_date")


def median_baseline(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
    by_group = train.groupby(["position", "to_league"])["y"].median()
    fallback = train["y"].median()
    keys = list(zip(test["position"], test["to_league"]))
    return np.array([by_group.get(k, fallback) for k in keys])


def report(name: str, y_log: np.ndarray, p_log: np.ndarray) -> None:
    fee, pred = np.expm1(y_log), np.expm1(p_log)
    mdape = np.median(np.abs(pred - fee) / fee)
    print(f"{name:>16}: MAE(log)={mean_absolute_error(y_log, p_log):.3f} R2(log)={r2_score(y_log, p_log):.3f} MdAPE={mdape:.1%}")


def main() -> None:
    df = load("data/transfers_2012_2023.csv")
    train = df[df["window_year"] <= 2021]
    valid = df[df["window_year"] == 2022]
    test = df[df["window_year"] == 2023]
    shared = len(set(train["player_id"]) & set(test["player_id"]))
    print(f"train {len(train)} valid {len(valid)} test {len(test)}; players with an earlier transfer in train: {shared}")

    cols = CAT + NUM
    model = CatBoostRegressor(
        loss_function="RMSE",
        iterations=5000,
        learning_rate=0.03,
        depth=6,
        l2_leaf_reg=3,
        one_hot_max_size=4,
        random_seed=SEED,
        od_type="Iter",
        od_wait=200,
        verbose=500,
    )
    model.fit(
        Pool(train[cols], train["y"], cat_features=CAT),
        eval_set=Pool(valid[cols], valid["y"], cat_features=CAT),
        use_best_model=True,
    )

    y_test = test["y"].to_numpy()
    report("median(pos,lg)", y_test, median_baseline(train, test))
    report("market value", y_test, test["market_value_eur_log"].to_numpy())
    report("catboost", y_test, model.predict(test[cols]))

    imp = pd.Series(model.get_feature_importance(), index=cols).sort_values(ascending=False)
    print(imp.head(10).round(2))
    model.save_model("models/fee_catboost.cbm")


if __name__ == "__main__":
    main()
