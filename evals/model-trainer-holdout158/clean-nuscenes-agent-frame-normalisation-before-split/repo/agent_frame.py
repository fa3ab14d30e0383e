"""Per-sample agent-frame transform: origin at the last observed position, x-axis along the agent heading."""
import numpy as np

POS_SCALE = 10.0  # metres per unit, fixed constant so the ridge penalty is comparable across axes


def rotation(yaw):
    c, s = np.cos(-yaw), np.sin(-yaw)
    return np.array([[c, -s], [s, c]])


def to_agent_frame(past_xy, future_xy, yaw):
    """past_xy (T_obs, 2), future_xy (T_pred, 2) in global map coords; yaw of the agent at t=0."""
    origin = past_xy[-1]
    R = rotation(yaw)
    past = (past_xy - origin) @ R.T
    fut = (future_xy - origin) @ R.T
    return past / POS_SCALE, fut / POS_SCALE


def transform_all(samples):
    past, fut = zip(*(to_agent_frame(s["past_xy"], s["future_xy"], s["yaw"]) for s in samples))
    return np.stack(past), np.stack(fut)
