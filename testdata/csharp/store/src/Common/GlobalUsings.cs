global using System.Data;
global using Acme.Store.Common;
