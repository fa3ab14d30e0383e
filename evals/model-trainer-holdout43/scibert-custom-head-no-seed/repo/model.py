"""SciBERT encoder with a mean-pooled classification head."""
import torch
from torch import nn
from transformers import AutoModel


class MeanPoolClassifier(nn.Module):
    def __init__(self, encoder_name: str, num_labels: int, dropout: float = 0.2, freeze_layers: int = 6):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(encoder_name)
        hidden = self.encoder.config.hidden_size
        self.head = nn.Sequential(
            nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(hidden // 2, num_labels),
        )
        for layer in self.encoder.encoder.layer[:freeze_layers]:
            for p in layer.parameters():
                p.requires_grad = False

    def forward(self, input_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-6)
        return self.head(pooled)
