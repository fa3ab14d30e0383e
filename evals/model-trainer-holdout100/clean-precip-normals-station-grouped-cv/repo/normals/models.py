from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.neighbors import KNeighborsRegressor
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR


def candidate_models(features, seed):
    coords = [features.index("lat"), features.index("lon"), features.index("month_sin"),
              features.index("month_cos")]
    nearest_station = make_pipeline(
        ColumnTransformer([("coords", "passthrough", coords)]),
        StandardScaler(),
        KNeighborsRegressor(n_neighbors=3, weights="distance"),
    )
    return {
        "train_mean": DummyRegressor(strategy="mean"),
        "nearest_stations": nearest_station,
        "svr": make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                             SVR(C=30.0, epsilon=2.0, gamma="scale")),
        "hgb": HistGradientBoostingRegressor(max_iter=800, learning_rate=0.05, max_leaf_nodes=31,
                                             l2_regularization=1.0, random_state=seed),
    }
