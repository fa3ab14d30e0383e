SEED = 42
DATA = "data/glamping_bookings_daily.csv"
HOLDOUT_DAYS = 120
CV_SPLITS = 5
GRID = [
    {"num_leaves": 15, "learning_rate": 0.05, "n_estimators": 400},
    {"num_leaves": 31, "learning_rate": 0.05, "n_estimators": 400},
    {"num_leaves": 31, "learning_rate": 0.02, "n_estimators": 1000},
    {"num_leaves": 63, "learning_rate": 0.02, "n_estimators": 1000},
]
