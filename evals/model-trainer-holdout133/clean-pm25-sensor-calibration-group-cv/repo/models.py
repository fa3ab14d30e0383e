from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures, StandardScaler

NUM = ["pm25_raw", "pm10_raw", "rh", "temp_c", "dewpoint_c", "rh_growth"]
CAT = ["sensor_model"]


def linear_rh(seed):
    pre = ColumnTransformer([
        ("num", Pipeline([("poly", PolynomialFeatures(degree=2, include_bias=False)),
                          ("scale", StandardScaler())]), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CAT),
    ])
    return Pipeline([("pre", pre), ("reg", RidgeCV(alphas=[0.1, 1.0, 10.0, 100.0]))])


def gbm(seed):
    pre = ColumnTransformer([
        ("num", "passthrough", NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT),
    ])
    reg = HistGradientBoostingRegressor(
        max_iter=500, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0, random_state=seed
    )
    return Pipeline([("pre", pre), ("reg", reg)])


CANDIDATES = {"ridge_poly_rh": linear_rh, "hgb": gbm}
