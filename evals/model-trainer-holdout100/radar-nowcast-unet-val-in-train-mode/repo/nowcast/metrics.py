import torch


def to_rain_rate(log_rr):
    return torch.expm1(log_rr)


def critical_success_index(pred_log, target_log, threshold_mm_h):
    pred = to_rain_rate(pred_log) >= threshold_mm_h
    obs = to_rain_rate(target_log) >= threshold_mm_h
    hits = (pred & obs).sum().item()
    misses = (~pred & obs).sum().item()
    false_alarms = (pred & ~obs).sum().item()
    denom = hits + misses + false_alarms
    return hits / denom if denom else float("nan")


def mae_mm_h(pred_log, target_log):
    return (to_rain_rate(pred_log) - to_rain_rate(target_log)).abs().mean().item()
