namespace Acme.Store.Common;

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuditedAttribute : Attribute
{
    public string? Reason { get; init; }
}
