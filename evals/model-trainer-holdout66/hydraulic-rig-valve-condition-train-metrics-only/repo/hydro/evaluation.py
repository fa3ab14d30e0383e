import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score


def regression_report(model, X, y, label):
    pred = model.predict(X)
    rmse = float(np.sqrt(mean_squared_error(y, pred)))
    mae = float(mean_absolute_error(y, pred))
    r2 = float(r2_score(y, pred))
    print(f"[{label}] RMSE {rmse:.3f}  MAE {mae:.3f}  R2 {r2:.4f}")
    return {"rmse": rmse, "mae": mae, "r2": r2}
