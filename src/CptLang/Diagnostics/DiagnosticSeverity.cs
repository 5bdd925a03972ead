namespace CptLang.Diagnostics;

public enum DiagnosticSeverity { Error, Warning }
