import numpy as np
import torch
from sksurv.metrics import concordance_index_censored

from .models import neg_partial_loglik


def train_one_epoch(model, loader, optimizer, device):
    model.train()
    total, n = 0.0, 0
    for xb, tb, eb in loader:
        xb, tb, eb = xb.to(device), tb.to(device), eb.to(device)
        optimizer.zero_grad()
        loss = neg_partial_loglik(model(xb), tb, eb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        total += loss.item() * len(xb)
        n += len(xb)
    return total / n


def predict_risk(model, x: np.ndarray, device, batch_size: int = 4096) -> np.ndarray:
    out = []
    with torch.no_grad():
        for i in range(0, len(x), batch_size):
            xb = torch.as_tensor(x[i:i + batch_size], dtype=torch.float32, device=device)
            out.append(model(xb).cpu().numpy())
    return np.concatenate(out)


def c_index(event: np.ndarray, time: np.ndarray, risk: np.ndarray) -> float:
    return concordance_index_censored(event.astype(bool), time, risk)[0]
