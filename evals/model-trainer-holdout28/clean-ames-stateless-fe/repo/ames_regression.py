"""Ames house prices: Ridge vs gradient boosting, stateless feature engineering up front.

All row-wise transformations (constant fills where NA means "absent", sums, ages, log of the
target) happen before the split; anything estimated from data (median imputation, scaling,
one-hot categories) is inside the Pipeline and only sees training rows.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import KFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 3
NONE_MEANS_ABSENT = ["Alley", "BsmtQual", "BsmtCond", "BsmtExposure", "BsmtFinType1", "FireplaceQu",
                     "GarageType", "GarageFinish", "GarageQual", "PoolQC", "Fence", "MiscFeature"]
QUAL = {"Ex": 5, "Gd": 4, "TA": 3, "Fa": 2, "Po": 1, "None": 0}


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df[NONE_MEANS_ABSENT] = df[NONE_MEANS_ABSENT].fillna("None")
    for col in ["TotalBsmtSF", "GarageArea", "GarageCars", "MasVnrArea", "BsmtFullBath", "BsmtHalfBath"]:
        df[col] = df[col].fillna(0)  # missing because there is no basement / garage / veneer
    df["TotalSF"] = df["TotalBsmtSF"] + df["1stFlrSF"] + df["2ndFlrSF"]
    df["Baths"] = df["FullBath"] + 0.5 * df["HalfBath"] + df["BsmtFullBath"] + 0.5 * df["BsmtHalfBath"]
    df["Age"] = df["YrSold"] - df["YearBuilt"]
    df["RemodAge"] = df["YrSold"] - df["YearRemodAdd"]
    df["KitchenQualN"] = df["KitchenQual"].map(QUAL)
    df["BsmtQualN"] = df["BsmtQual"].map(QUAL)
    df["MSSubClass"] = df["MSSubClass"].astype(str)
    return df


houses = engineer(pd.read_csv("data/train.csv"))
y = np.log1p(houses.pop("SalePrice"))
num_cols = houses.select_dtypes("number").columns.drop("Id").tolist()
cat_cols = houses.select_dtypes("object").columns.tolist()

X_tr, X_hold, y_tr, y_hold = train_test_split(houses, y, test_size=0.2, random_state=SEED)

prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num_cols),
    ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                          OneHotEncoder(handle_unknown="ignore", min_frequency=10)), cat_cols),
])
models = {
    "median": make_pipeline(prep, DummyRegressor(strategy="median")),
    "ridge": make_pipeline(prep, RidgeCV(alphas=np.logspace(-2, 3, 30))),
    "hgb": make_pipeline(prep, HistGradientBoostingRegressor(learning_rate=0.05, max_iter=800,
                                                             max_leaf_nodes=15, l2_regularization=0.5,
                                                             random_state=SEED)),
}

kf = KFold(n_splits=5, shuffle=True, random_state=SEED)
for name, model in models.items():
    rmse = -cross_val_score(model, X_tr, y_tr, cv=kf, scoring="neg_root_mean_squared_error")
    print(f"{name:6s} CV RMSE(log) {rmse.mean():.4f} +/- {rmse.std():.4f}")

print("\nholdout (scored once):")
for name, model in models.items():
    pred = model.fit(X_tr, y_tr).predict(X_hold)
    print(f"{name:6s} RMSE(log) {mean_squared_error(y_hold, pred) ** 0.5:.4f}  "
          f"MAE($) {mean_absolute_error(np.expm1(y_hold), np.expm1(pred)):9.0f}  R2 {r2_score(y_hold, pred):.3f}")
