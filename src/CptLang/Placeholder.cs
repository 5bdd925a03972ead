namespace CptLang;
internal static class Placeholder { }
