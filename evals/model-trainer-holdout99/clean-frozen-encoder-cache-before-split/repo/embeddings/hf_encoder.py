"""Mean-pooled sentence embeddings from a frozen Hugging Face encoder."""
import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer


class MeanPoolEncoder:
    def __init__(self, model_id: str, max_length: int = 512, device: str | None = None):
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.tokenizer = AutoTokenizer.from_pretrained(model_id)
        self.model = AutoModel.from_pretrained(model_id).to(self.device).eval()
        self.max_length = max_length

    @torch.inference_mode()
    def encode(self, texts, batch_size: int = 32) -> np.ndarray:
        out = []
        for start in range(0, len(texts), batch_size):
            enc = self.tokenizer(
                texts[start:start + batch_size],
                padding=True,
                truncation=True,
                max_length=self.max_length,
                return_tensors="pt",
            ).to(self.device)
            hidden = self.model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            out.append(pooled.float().cpu().numpy())
        return np.concatenate(out)
