import torch
import torch.nn as nn
from transformers import AutoModel


class CodeBERTDefectClassifier(nn.Module):
    """CodeBERT encoder + dropout + linear head on the <s> token (CodeXGLUE defect detection)."""

    def __init__(self, encoder_name="microsoft/codebert-base", dropout=0.1):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(encoder_name)
        hidden = self.encoder.config.hidden_size
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, 1)

    def forward(self, input_ids, attention_mask):
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
        cls = out.last_hidden_state[:, 0, :]
        return self.head(self.dropout(cls)).squeeze(-1)
