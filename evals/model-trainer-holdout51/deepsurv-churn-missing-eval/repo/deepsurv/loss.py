import torch


def cox_partial_nll(log_hazard: torch.Tensor, duration: torch.Tensor, event: torch.Tensor) -> torch.Tensor:
    """Breslow negative partial log-likelihood (ties handled approximately)."""
    order = torch.argsort(duration, descending=True)
    log_hazard, event = log_hazard[order], event[order]
    log_risk_set = torch.logcumsumexp(log_hazard, dim=0)
    n_events = event.sum().clamp(min=1.0)
    return -((log_hazard - log_risk_set) * event).sum() / n_events
