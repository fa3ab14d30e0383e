"""Paraphrase-based augmentation for under-represented intents."""
import pandas as pd
import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

PARAPHRASER = "humarin/chatgpt_paraphraser_on_T5_base"


class Paraphraser:
    def __init__(self, model_name=PARAPHRASER, device=None):
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.tokenizer = AutoTokenizer.from_pretrained(model_name)
        self.model = AutoModelForSeq2SeqLM.from_pretrained(model_name).to(self.device).eval()

    @torch.no_grad()
    def __call__(self, text, n=4):
        enc = self.tokenizer(f"paraphrase: {text}", return_tensors="pt", truncation=True, max_length=128).to(self.device)
        out = self.model.generate(**enc, num_beams=max(n, 4), num_return_sequences=n, num_beam_groups=max(n, 4),
                                  diversity_penalty=3.0, repetition_penalty=10.0, max_length=128)
        return [self.tokenizer.decode(o, skip_special_tokens=True) for o in out]


def paraphrase_minority(df, text_col, label_col, min_per_class, paraphraser=None, seed=0):
    """Top up every intent with fewer than `min_per_class` utterances using paraphrases."""
    paraphraser = paraphraser or Paraphraser()
    counts = df[label_col].value_counts()
    new_rows = []
    for intent, count in counts.items():
        if count >= min_per_class:
            continue
        needed = min_per_class - count
        pool = df[df[label_col] == intent].sample(frac=1.0, random_state=seed)
        added = []
        for text in pool[text_col].tolist() * (needed // len(pool) + 1):
            for para in paraphraser(text):
                if para.strip().lower() != text.strip().lower():
                    added.append({text_col: para, label_col: intent, "synthetic": True})
            if len(added) >= needed:
                break
        new_rows.extend(added[:needed])
    aug = pd.DataFrame(new_rows)
    out = pd.concat([df.assign(synthetic=False), aug], ignore_index=True)
    return out.drop_duplicates(subset=[text_col, label_col]).reset_index(drop=True)
