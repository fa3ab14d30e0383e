CFG = {
    "seed": 2024,
    "holdout_days": 56,
    "lags": [7, 14, 28, 364],
    "n_iter": 25,
    "search_space": {
        "learning_rate": [0.03, 0.05, 0.08, 0.1],
        "max_leaf_nodes": [15, 31, 63, 127],
        "min_samples_leaf": [20, 50, 100, 200],
        "l2_regularization": [0.0, 0.1, 1.0],
        "max_iter": [300, 600, 900],
    },
}
