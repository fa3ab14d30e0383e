import torch
from torch import nn
from transformers import AutoModel


class BertCox(nn.Module):
    def __init__(self, model_name: str, dropout: float = 0.1, token=None):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(model_name, token=token)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(self.encoder.config.hidden_size, 1, bias=False)

    def forward(self, input_ids, attention_mask):
        cls = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state[:, 0]
        return self.head(self.drop(cls)).squeeze(-1)


def cox_nll(log_h, time, event):
    order = torch.argsort(time, descending=True)
    log_h, event = log_h[order], event[order]
    return -((log_h - torch.logcumsumexp(log_h, 0)) * event).sum() / event.sum().clamp_min(1.0)


@torch.no_grad()
def score(model, loader, device):
    model.eval()
    out, times, events = [], [], []
    for ids, mask, t, e in loader:
        out.append(model(ids.to(device), mask.to(device)).float().cpu())
        times.append(t)
        events.append(e)
    return torch.cat(out), torch.cat(times), torch.cat(events)
