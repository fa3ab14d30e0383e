"""House Prices (Kaggle): regularised linear models + GBR, averaged for the submission.

Usage: python train_blend.py --data-dir data --out submission.csv
"""
import argparse

import numpy as np
import pandas as pd
from scipy.stats import skew
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import ElasticNetCV, LassoCV
from sklearn.model_selection import KFold, cross_val_score
from sklearn.preprocessing import StandardScaler

SEED = 7
NONE_COLS = ["PoolQC", "MiscFeature", "Alley", "Fence", "FireplaceQu", "GarageType",
             "GarageFinish", "GarageQual", "GarageCond", "BsmtQual", "BsmtCond",
             "BsmtExposure", "BsmtFinType1", "BsmtFinType2", "MasVnrType"]
ZERO_COLS = ["GarageYrBlt", "GarageArea", "GarageCars", "BsmtFinSF1", "BsmtFinSF2",
             "BsmtUnfSF", "TotalBsmtSF", "BsmtFullBath", "BsmtHalfBath", "MasVnrArea"]


def load(data_dir):
    train = pd.read_csv(f"{data_dir}/train.csv")
    test = pd.read_csv(f"{data_dir}/test.csv")
    # the two huge, cheap houses from the dataset documentation
    train = train[~((train["GrLivArea"] > 4000) & (train["SalePrice"] < 300000))]
    return train.reset_index(drop=True), test


def build_features(train, test):
    n_train = len(train)
    all_data = pd.concat([train.drop(columns=["SalePrice"]), test], ignore_index=True)
    all_data = all_data.drop(columns=["Id", "Utilities"])

    all_data[NONE_COLS] = all_data[NONE_COLS].fillna("None")
    all_data[ZERO_COLS] = all_data[ZERO_COLS].fillna(0)
    all_data["MSSubClass"] = all_data["MSSubClass"].astype(str)
    all_data["TotalSF"] = all_data["TotalBsmtSF"] + all_data["1stFlrSF"] + all_data["2ndFlrSF"]
    all_data["HouseAge"] = all_data["YrSold"] - all_data["YearBuilt"]
    all_data["TotalBath"] = (all_data["FullBath"] + 0.5 * all_data["HalfBath"]
                             + all_data["BsmtFullBath"] + 0.5 * all_data["BsmtHalfBath"])

    numeric_cols = all_data.select_dtypes(exclude="object").columns
    skewness = all_data[numeric_cols].apply(lambda s: skew(s.dropna()))
    skewed_cols = skewness[skewness.abs() > 0.75].index
    all_data[skewed_cols] = np.log1p(all_data[skewed_cols])

    imputer = SimpleImputer(strategy="median")
    all_data[numeric_cols] = imputer.fit_transform(all_data[numeric_cols])
    scaler = StandardScaler()
    all_data[numeric_cols] = scaler.fit_transform(all_data[numeric_cols])

    all_data = pd.get_dummies(all_data, dtype=float)
    return all_data.iloc[:n_train], all_data.iloc[n_train:]


def rmse_cv(model, X, y, kf):
    scores = cross_val_score(model, X, y, scoring="neg_root_mean_squared_error", cv=kf)
    return -scores


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default="data")
    parser.add_argument("--out", default="submission.csv")
    args = parser.parse_args()

    train, test = load(args.data_dir)
    y = np.log1p(train["SalePrice"].values)
    X, X_test = build_features(train, test)
    print(f"train {X.shape}, test {X_test.shape}")

    kf = KFold(n_splits=5, shuffle=True, random_state=SEED)
    models = {
        "lasso": LassoCV(alphas=np.logspace(-4, -2, 30), max_iter=50000, cv=5),
        "enet": ElasticNetCV(l1_ratio=[0.3, 0.6, 0.9], alphas=np.logspace(-4, -2, 20),
                             max_iter=50000, cv=5),
        "gbr": GradientBoostingRegressor(n_estimators=2000, learning_rate=0.03, max_depth=4,
                                         max_features="sqrt", min_samples_leaf=15,
                                         loss="huber", subsample=0.8, random_state=SEED),
    }
    for name, model in models.items():
        scores = rmse_cv(model, X, y, kf)
        print(f"{name:>6}: RMSE(log) {scores.mean():.4f} +/- {scores.std():.4f}")

    preds = []
    for name, model in models.items():
        model.fit(X, y)
        preds.append(model.predict(X_test))
    blend = np.expm1(np.mean(preds, axis=0))

    pd.DataFrame({"Id": test["Id"], "SalePrice": blend}).to_csv(args.out, index=False)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
