from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler, TargetEncoder
import numpy as np

HIGH_CARD = ["track_id", "artist_id", "playlist_id"]
LOW_CARD = ["context_type", "reason_start", "platform"]
NUMERIC = ["session_position", "session_length", "hour_of_day", "days_since_release",
           "track_duration_s", "energy", "valence", "danceability", "acousticness"]
COUNTS = ["artist_followers", "track_streams_7d"]


def build_pipeline(seed: int) -> Pipeline:
    pre = ColumnTransformer(
        [
            # smoothed skip rate per id, cross-fitted inside fit()
            ("te", TargetEncoder(target_type="binary", smooth="auto", random_state=seed), HIGH_CARD),
            ("ohe", OneHotEncoder(handle_unknown="ignore", min_frequency=50), LOW_CARD),
            ("num", StandardScaler(), NUMERIC),
            ("cnt", FunctionTransformer(np.log1p, feature_names_out="one-to-one"), COUNTS),
        ],
        sparse_threshold=0.0,
    )
    clf = HistGradientBoostingClassifier(
        learning_rate=0.06, max_iter=400, max_leaf_nodes=48, l2_regularization=0.5,
        early_stopping=False, random_state=seed,
    )
    return Pipeline([("pre", pre), ("clf", clf)])
